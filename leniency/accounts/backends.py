from django.contrib.auth import backends, get_user_model


class ModelBackend(backends.ModelBackend):
    """Django's, loading the user's organisation and its region with the user: every page's access rules read
    the organisation, and its region says whether a procuratorate is above a court (the case page's retrial)."""

    def get_user(self, user_id):
        try:
            user = get_user_model()._default_manager.select_related("organisation__region").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
