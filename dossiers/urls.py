"""The archivists' pages, included at /dossiers/ by newsroom/urls.py.

The archive's own pages come before the dossiers' slugs: a dossier cannot be called
«recherche» or «personnes»."""

from django.urls import path

from dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("recherche/", views.archive_search, name="search"),
    path("recherche/export.csv", views.archive_export, {"fmt": "csv"}, name="search-csv"),
    path("recherche/export.json", views.archive_export, {"fmt": "json"}, name="search-json"),
    path("personnes/", views.people_suggestions, name="people"),
    path("<slug:slug>/", views.dossier_timeline, name="timeline"),
    path("<slug:slug>/completude/", views.dossier_completeness, name="completeness"),
    path("<slug:slug>/export.csv", views.dossier_export, {"fmt": "csv"}, name="export-csv"),
    path("<slug:slug>/export.json", views.dossier_export, {"fmt": "json"}, name="export-json"),
]
