from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site (newsroom.admin.NewsroomAdminSite)."""

    default_site = "newsroom.admin.NewsroomAdminSite"
