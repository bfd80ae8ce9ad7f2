"""The demo builders of the apps, one module per app, run in order by leniency.demo.extensions."""
