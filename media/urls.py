from django.urls import path

from media.views import RightsReportView

app_name = "media"

urlpatterns = [
    path("report/", RightsReportView.as_view(), name="rights-report"),
]
