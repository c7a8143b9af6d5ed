from django.urls import path

from pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("stations/<int:pk>/", views.station, name="station"),
    path("stations/<int:pk>/dockings.ics", views.station_ics, name="station-ics"),
    path("stations/<int:pk>/dockings.atom", views.station_atom, name="station-atom"),
    path("stations/<int:pk>/upcoming.ics", views.station_upcoming_ics, name="station-upcoming"),
    path("astros.json", views.astros, name="astros"),
    path("docs/", views.docs, name="docs"),
    path("docs/<str:name>", views.doc_file, name="doc-file"),
]
