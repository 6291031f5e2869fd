"""Stakeholder Mapper: map a city's influence and trust network and plan engagement."""

__version__ = "0.1.0"
