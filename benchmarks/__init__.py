"""Benchmarks of the dashboard against a bare Streamlit app, and a load test (see issue 5)."""
