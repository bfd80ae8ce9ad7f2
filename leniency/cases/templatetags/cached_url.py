"""`{% url %}` with its reverse remembered (leniency/cached_reverse.py): the same syntax and output as Django's tag.
Keyword arguments go through Django's reverse unchanged.

    {% load cached_url %}{% url 'plea_dossier' defendant.pk %}   in a template, after Django's tags
"""

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from leniency.cached_reverse import cached_reverse

register = template.Library()


class CachedURLNode(defaulttags.URLNode):
    def render(self, context):
        if self.kwargs:
            return super().render(context)
        args = tuple(arg.resolve(context) for arg in self.args)
        view_name = self.view_name.resolve(context)
        try:  # as Django's URLNode
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = cached_reverse(view_name, *args, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's `{% url %}` (the same arguments, `as`, escaping and errors), its reverse remembered."""
    node = defaulttags.url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
