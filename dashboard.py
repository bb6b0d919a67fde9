"""Placeholder entry point; the pages come with the dashboard issue."""

import streamlit as st

st.title("宁波经济指标 Ningbo indicators")
