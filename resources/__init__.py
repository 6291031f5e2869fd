"""Files the application ships with: the sample map, the plan template and the fonts.

Installed as the package ``stakeholder_mapper.resources`` and read through
``importlib.resources`` (see ``stakeholder_mapper.paths``), so a wheel or an app bundle
finds them wherever it is installed.
"""
