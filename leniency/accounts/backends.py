from django.contrib.auth import backends, get_user_model

from leniency.compiled_queries import compiled

# Every signed-in request reads its user so: compiled once (leniency/compiled_queries.py).
_USER = compiled(
    lambda pk: get_user_model()._default_manager.select_related("organisation__region").filter(pk=pk)
)


class ModelBackend(backends.ModelBackend):
    """Django's, loading the user's organisation and its region with the user: every page's access rules read
    the organisation, and its region says whether a procuratorate is above a court (the case page's retrial)."""

    def get_user(self, user_id):
        user = next(iter(_USER(get_user_model()._meta.pk.to_python(user_id))), None)
        return user if user is not None and self.user_can_authenticate(user) else None
