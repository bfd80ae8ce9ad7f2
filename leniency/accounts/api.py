from ninja import Router, Schema

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    display_name: str
    role: str
    organisation: str | None


@router.get("/me", response=MeOut, summary="The authenticated user")
def me(request):
    user = request.user
    return MeOut(
        username=user.username,
        display_name=str(user),
        role=user.role,
        organisation=user.organisation.name if user.organisation else None,
    )
