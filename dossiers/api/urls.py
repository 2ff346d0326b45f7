from dossiers.api.views import DossierViewSet
from newsroom.api import router

router.register("dossiers", DossierViewSet, basename="dossier")
