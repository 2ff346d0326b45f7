from articles.api import views
from newsroom.api import router

router.register("articles", views.ArticleViewSet, basename="article")
router.register("sections", views.SectionViewSet, basename="section")
router.register("people", views.PersonViewSet, basename="person")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("tags", views.TagViewSet, basename="tag")
router.register("preview", views.PreviewViewSet, basename="preview")
