class PublicResponseMiddleware:
    """Public (CDN-cacheable) responses set no cookie and vary on neither Cookie nor language.

    Sits above the session and locale middleware, so it sees their headers last.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "is_public", False):
            response.cookies.clear()
            if vary := response.get("Vary"):
                kept = [
                    v.strip()
                    for v in vary.split(",")
                    if v.strip().lower() not in ("cookie", "accept-language")
                ]
                if kept:
                    response["Vary"] = ", ".join(kept)
                else:
                    del response["Vary"]
        return response
