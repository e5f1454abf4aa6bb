"""JourneyLens: customer-journey analytics over survey exports and touchpoint logs."""

__version__ = "0.1.0"
