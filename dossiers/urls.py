"""The archivists' pages, included at /dossiers/ by newsroom/urls.py."""

from django.urls import path

from dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("<slug:slug>/", views.dossier_timeline, name="timeline"),
    path("<slug:slug>/completude/", views.dossier_completeness, name="completeness"),
    path("<slug:slug>/export.csv", views.dossier_export, {"fmt": "csv"}, name="export-csv"),
    path("<slug:slug>/export.json", views.dossier_export, {"fmt": "json"}, name="export-json"),
]
