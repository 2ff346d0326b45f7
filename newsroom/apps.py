from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_tasks_db.apps import TasksAppConfig


class NewsroomConfig(AppConfig):
    """The project's own commands (``db_worker``, in front of django_tasks_db's)."""

    name = "newsroom"
    verbose_name = "Newsroom"


class NewsroomAdminConfig(AdminConfig):
    """Django's admin, with the newsroom's site (newsroom.admin.NewsroomAdminSite)."""

    default_site = "newsroom.admin.NewsroomAdminSite"


class TasksConfig(TasksAppConfig):
    """django_tasks_db (the background jobs' results), named in the newsroom's language."""

    verbose_name = _("Background jobs")


# django_tasks_db's model names, translated in our catalogue (the package ships none).
TASK_RESULT_NAMES = (gettext_noop("Task Result"), gettext_noop("Task Results"))
