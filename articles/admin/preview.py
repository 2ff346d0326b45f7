"""The article as readers will see it, one click from its page: an HTML page rendered from
the same representation as the API (``ArticleDetailSerializer``), for drafts, scheduled
articles and pending changes alike, with the signed front-end preview link to copy.

«Voir sur le site» opens the article's page on the website (``ARTICLE_PAGE_URL``) once it
is public, and this preview before.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse

from articles import pending, preview, references, roles
from articles.api.serializers import ArticleDetailSerializer
from articles.models import Article


class ArticlePreviewAdmin:
    """For ArticleAdmin: ``<id>/preview/`` and «Voir sur le site»."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [
            path(
                "<int:object_id>/preview/", self.admin_site.admin_view(self.preview_view), name=name
            ),
            *super().get_urls(),
        ]

    def preview_url(self, article) -> str:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview"
        return reverse(name, args=[article.pk], current_app=self.admin_site.name)

    def view_on_site(self, article):
        if Article.objects.public().filter(pk=article.pk).exists():
            return Article.objects.select_related("section__parent").get(pk=article.pk).page_url
        return self.preview_url(article)

    def preview_view(self, request, object_id):
        article = Article.objects.for_detail().filter(pk=object_id).first()
        if article is None:
            raise Http404
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        pending.shown(article)  # a published article as its pending changes will make it
        references.attach(article)
        data = ArticleDetailSerializer(article, context={"request": request}).data
        may_share = self.edit_refusal(request, article) is None or roles.can_publish(request.user)
        token_url = (
            request.build_absolute_uri(f"/api/v1/preview/{preview.make_token(article)}/")
            if may_share
            else None
        )
        context = {
            "article": article,
            "data": data,
            "status": self.desk(request, article)["status"],
            "token_url": token_url,
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[article.pk]
            ),
        }
        response = render(request, "admin/articles/article/preview.html", context)
        response["Cache-Control"] = "private, no-store"
        return response
