"""The counsel app's models, one module per area."""

from .assignment import CounselAssignment
from .participation import CONTACT, OPINIONS, SUBSTANTIVE, ParticipationEntry, Service
from .pay import Claim, FeeSchedule
from .policy import SEVERITY_ORDER, AccessCriterion, CounselPolicy, Severity
from .quality import (
    Contest,
    QualityWarning,
    RaterKind,
    Rating,
    Restriction,
    Rubric,
    RubricCriterion,
    WarningKind,
)
from .registry import LawyerProfile, Specialty, TrainingRecord
from .rota import (
    Allocation,
    ConflictOfInterest,
    CounselRequest,
    RequestCounter,
    RotaCorrection,
    RotaMember,
    RotaPeriod,
    Station,
)

__all__ = [
    "CONTACT",
    "OPINIONS",
    "SEVERITY_ORDER",
    "SUBSTANTIVE",
    "AccessCriterion",
    "Allocation",
    "Claim",
    "ConflictOfInterest",
    "Contest",
    "CounselAssignment",
    "CounselPolicy",
    "CounselRequest",
    "RequestCounter",
    "FeeSchedule",
    "LawyerProfile",
    "ParticipationEntry",
    "QualityWarning",
    "RaterKind",
    "Rating",
    "Restriction",
    "RotaCorrection",
    "RotaMember",
    "RotaPeriod",
    "Rubric",
    "RubricCriterion",
    "Service",
    "Severity",
    "Specialty",
    "Station",
    "TrainingRecord",
    "WarningKind",
]
