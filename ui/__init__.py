"""Streamlit-dependent helpers of the dashboard (the ``metrics`` package stays free of Streamlit)."""
