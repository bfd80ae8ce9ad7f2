"""A `prefetch_related` of one relation whose query is compiled once (leniency/compiled_queries.py).

Django builds and compiles a prefetch's query anew for every queryset it prefetches for: on the case page the
defendants' charges and counsel assignments and the agreements' signatures cost about 0.7-1 ms a page each on
PostgreSQL under load, most of it compiling SQL that differs from page to page only by the pks (issue 21). So:

    SIGNATURES = compiled_prefetch(PleaAgreement, Prefetch("signatures", Signature.objects.order_by()))
    SIGNATURES(agreements)   # as prefetch_related_objects(agreements, that Prefetch) leaves them

One level only (a reverse foreign key or a many-to-many relation of `model`); a `Prefetch` queryset may prefetch
further itself, as usual. Like `compiled`, the queryset is built once: it must not depend on the request.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch
from django.db.models.fields.related_descriptors import ManyToManyDescriptor

from leniency.compiled_queries import compiled


class compiled_prefetch:  # noqa: N801 (called like a function)
    def __init__(self, model, lookup: str | Prefetch):
        self.model = model
        self.lookup = lookup if isinstance(lookup, Prefetch) else Prefetch(lookup)
        self.name = self.lookup.prefetch_through
        if "__" in self.name:
            raise ValueError(f"compiled_prefetch prefetches one relation, not {self.name!r}")
        descriptor = getattr(model, self.name)
        self._many_to_many = isinstance(descriptor, ManyToManyDescriptor)
        if (self._many_to_many and descriptor.reverse) or not hasattr(descriptor, "rel"):
            raise ValueError(
                f"{model.__name__}.{self.name} is not a reverse foreign key or a many-to-many field"
            )
        self._field = descriptor.field if self._many_to_many else descriptor.rel.field
        if self._many_to_many:  # the owner's pk, as the link table holds it (Django's extra select)
            through = self._field.remote_field.through._meta
            self._owner = f"_prefetch_related_val_{through.get_field(self._field.m2m_field_name()).attname}"
        else:
            self._owner = self._field.attname
        self._query = compiled(self._build)

    def _build(self, pks):
        base = self.lookup.queryset
        if self._many_to_many:
            # Django's own query for it (a join on the link table with the owner's pk selected): nothing is read
            # before the queryset is evaluated, so stand-in instances do.
            instances = [self.model(pk=pk) for pk in pks]
            manager = getattr(instances[0], self.name)
            return manager.get_prefetch_querysets(instances, None if base is None else [base])[0]
        queryset = base if base is not None else self._field.model._default_manager.all()
        return queryset.filter(**{f"{self._field.name}__in": pks})

    def __call__(self, instances: Sequence) -> None:
        if not instances:
            return
        rows: dict[int, list] = {instance.pk: [] for instance in instances}
        for row in self._query([instance.pk for instance in instances]):
            rows[getattr(row, self._owner)].append(row)
        by_pk = {instance.pk: instance for instance in instances}
        for pk, related in rows.items():
            self._attach(by_pk[pk], related)

    def _attach(self, instance, related: list) -> None:
        """What prefetch_one_level leaves on `instance`: its rows under `to_attr`, or as the relation's cached
        queryset; and on each reverse foreign key row, `instance` as the row's owner (no query to read it back)."""
        if not self._many_to_many:
            for row in related:
                self._field.set_cached_value(row, instance)
        if self.lookup.to_attr:
            setattr(instance, self.lookup.to_attr, related)
            return
        manager = getattr(instance, self.name)
        base = self.lookup.queryset
        queryset = manager._apply_rel_filters(base) if base is not None else manager.get_queryset()
        queryset._result_cache = related
        queryset._prefetch_done = True
        if not hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache = {}
        cache_name = (
            manager.prefetch_cache_name if self._many_to_many else self._field.remote_field.cache_name
        )
        instance._prefetched_objects_cache[cache_name] = queryset
