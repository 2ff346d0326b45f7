from media.api.views import PhotoViewSet
from newsroom.api import router

router.register("photos", PhotoViewSet, basename="photo")
