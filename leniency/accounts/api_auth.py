from ninja.security import HttpBearer

from leniency import clock

from .models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`; the key is looked up by its SHA-256; a revoked or expired token is refused."""

    def authenticate(self, request, token):
        api_token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        now = clock.now()
        if api_token is None or not api_token.user.is_active or not api_token.is_usable(now):
            return None  # unknown, revoked or expired: 401
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user
