"""`leniency tokens issue USER --name N [--days D] | list [USER] | revoke ID`: API tokens for service accounts
(and anyone's, from the command line). The key is printed once; only its SHA-256 is stored."""

from django.core.management.base import BaseCommand, CommandError

from leniency import clock
from leniency.accounts.models import ApiToken, User
from leniency.audit.tokens import do_issue_token, do_revoke_token
from leniency.errors import DomainError


class Command(BaseCommand):
    help = "Issue (key printed once), list or revoke API tokens."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["issue", "list", "revoke"])
        parser.add_argument("target", nargs="?", help="issue/list: a username; revoke: a token id")
        parser.add_argument("--name", default="", help="issue: what the token is for")
        parser.add_argument(
            "--days", type=int, default=None, help="issue: valid this many days (default: until revoked)"
        )

    def handle(self, *args, action, target, name, days, **options):
        try:
            if action == "issue":
                token, key = do_issue_token(self._user(target), name=name, days=days, acting_user=None)
                self.stderr.write(
                    f"token #{token.pk} for {token.user.username} ({token.name}); the key, shown once:"
                )
                self.stdout.write(key)
            elif action == "revoke":
                token = ApiToken.objects.filter(pk=target).first() if (target or "").isdigit() else None
                if token is None:
                    raise CommandError(f"no API token #{target}")
                do_revoke_token(token, acting_user=None)
                self.stdout.write(f"token #{token.pk} revoked")
            else:
                self._list(target)
        except DomainError as error:
            raise CommandError(str(error.message)) from error

    def _user(self, username):
        user = User.objects.filter(username=username).first() if username else None
        if user is None:
            raise CommandError(f"no user {username!r}")
        return user

    def _list(self, username):
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
        if username:
            tokens = tokens.filter(user=self._user(username))
        now = clock.now()
        for t in tokens:
            state = "revoked" if t.revoked_at else ("usable" if t.is_usable(now) else "expired")
            expires = f"{t.expires_at:%Y-%m-%d}" if t.expires_at else "never"
            used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never"
            self.stdout.write(
                f"#{t.pk}\t{t.user.username}\t{t.name}\t{state}\texpires {expires}\tlast used {used}"
            )
