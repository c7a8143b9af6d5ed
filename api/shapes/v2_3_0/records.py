"""The lists LL2 shows that we keep as it gave them (README, "Data model": a launch's links,
updates, timeline and patches, an agency's or an astronaut's social media links), in the key
order of their LL2 components. PostgreSQL's `jsonb` keeps an object's keys sorted, not as
written, so the order is put back when the list is shown (`base.Records`); keys LL2's file
doesn't list come after, as stored."""

TYPE = {"id": None, "name": None}
LANGUAGE = {"id": None, "name": None, "code": None}
LINK = {
    "priority": None,
    "source": None,
    "title": None,
    "description": None,
    "feature_image": None,
    "url": None,
    "type": TYPE,
    "language": LANGUAGE,
}
VID_URL = {
    **{key: LINK[key] for key in ("priority", "source")},
    "publisher": None,
    **{key: LINK[key] for key in ("title", "description", "feature_image", "url", "type")},
    "language": LANGUAGE,
    "start_time": None,
    "end_time": None,
    "live": None,
}
UPDATE = dict.fromkeys(["id", "profile_image", "comment", "info_url", "created_by", "created_on"])
AGENCY_MINI = {
    **dict.fromkeys(["response_mode", "id", "url", "name", "abbrev"]),
    "type": TYPE,
}
MISSION_PATCH = {
    **dict.fromkeys(["id", "name", "priority", "image_url"]),
    "agency": AGENCY_MINI,
    "response_mode": None,
}
IMAGE = {
    **dict.fromkeys(["id", "name", "image_url", "thumbnail_url", "credit"]),
    "license": dict.fromkeys(["id", "name", "priority", "link"]),
    "single_use": None,
    "variants": None,
}
SOCIAL_MEDIA_LINK = {
    "id": None,
    "social_media": {**dict.fromkeys(["id", "name", "url"]), "logo": IMAGE},
    "url": None,
}
TIMELINE_EVENT = {
    "type": dict.fromkeys(["id", "abbrev", "description"]),
    "relative_time": None,
}
