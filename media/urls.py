from django.urls import path

from media.views import RightsReportView, photo_file

app_name = "media"

urlpatterns = [
    path("report/", RightsReportView.as_view(), name="rights-report"),
    # MEDIA_URL: every stored file's URL (decision 0013).
    path("files/<path:name>", photo_file, name="file"),
]
