"""People and organisations: regions, organisations, users with roles, API tokens."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .capabilities import Role, has_capability

__all__ = ["ApiToken", "Organisation", "Region", "Role", "User"]


class Region(models.Model):
    """Province → city → district. Districts carry the economic zone used in regional statistics."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("省")
        CITY = "city", _("市")
        DISTRICT = "district", _("区县")

    class Zone(models.TextChoices):
        EASTERN = "eastern", _("东部")
        CENTRAL = "central", _("中部")
        WESTERN = "western", _("西部")

    name = models.CharField(_("名称"), max_length=100)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    zone = models.CharField(_("地区分类"), max_length=10, choices=Zone.choices, blank=True)
    code = models.CharField(_("行政区划代码"), max_length=12, unique=True)

    class Meta:
        verbose_name = _("行政区域")
        verbose_name_plural = _("行政区域")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def lineage(self) -> list["Region"]:
        """This region and those above it, nearest first (district, city, province)."""
        chain, region = [], self
        while region is not None:
            chain.append(region)
            region = region.parent
        return chain

    def contains(self, other: "Region | None") -> bool:
        """Whether `other` is this region or lies below it."""
        return other is not None and self.pk in {r.pk for r in other.lineage()}

    def subtree_q(self, path: str = "region") -> models.Q:
        """A filter for rows whose `path` leads to this region or one below it (province → city → district)."""
        q = models.Q
        return q(**{path: self}) | q(**{f"{path}__parent": self}) | q(**{f"{path}__parent__parent": self})

    def full_name(self) -> str:
        return "".join(r.name for r in reversed(self.lineage()))


class Organisation(models.Model):
    class Kind(models.TextChoices):
        POLICE = "police", _("公安机关")
        PROCURATORATE = "procuratorate", _("人民检察院")
        COURT = "court", _("人民法院")
        LEGAL_AID_CENTRE = "legal_aid", _("法律援助中心")
        LAWYERS_ASSOCIATION = "lawyers_association", _("律师协会")
        DETENTION_CENTRE = "detention_centre", _("看守所")
        REVIEW_COMMITTEE = "review_committee", _("监督评议委员会")
        LAW_FIRM = "law_firm", _("律师事务所")

    name = models.CharField(_("名称"), max_length=200, unique=True)
    kind = models.CharField(_("类型"), max_length=30, choices=Kind.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="organisations"
    )

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["region__code", "kind", "name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    role = models.CharField(_("角色"), max_length=30, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("所属机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    display_name = models.CharField(_("姓名"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self):
        return self.display_name or self.username

    @property
    def is_prosecution(self) -> bool:
        return has_capability(self, "prosecute")

    @property
    def is_lawyer(self) -> bool:
        return has_capability(self, "defend")


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only the SHA-256 of the key is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("用途"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("有效期至"), null=True, blank=True)  # None: until revoked
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self):
        return f"{self.user} · {self.name}"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str, *, expires_at=None) -> tuple["ApiToken", str]:
        """Create a token and return it with its key, which is shown once and never stored. Services call
        leniency/audit/tokens.py (`do_issue_token`), which records the event; tests call this directly."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), expires_at=expires_at)
        return token, key

    def is_usable(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
