"""The demo county generator: invented villages, households, people and payments of
绥宁县 at township (``small``) or county scale. Core only: no Qt."""

from suining_desk.demo.bulk import DemoCancelled
from suining_desk.demo.generate import generate_demo
from suining_desk.demo.summary import DemoSummary

__all__ = ["DemoCancelled", "DemoSummary", "generate_demo"]
