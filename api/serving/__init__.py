"""How a request is answered, whatever the resource: the response flow and its cache, content
codings, rate limits, fault switches, middleware, health, pagination and rendering. No module
here names a resource; the resources are in api/resources/ and their shapes in api/shapes/."""
