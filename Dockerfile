# The dashboard's image: Debian's Python 3.11 with Debian's Chromium (chart images, the briefing deck)
# and Noto CJK (Chinese in those images), the project installed, and the compiled snapshot of data/.
#
#   docker build --build-context shared=../shared -t ningbo-indicators .
#
# ../shared holds the quoted source texts (shared/sources): the snapshot build validates every quote
# against them, so the image is only built from a dataset that validates. See deploy/README.md.
FROM python:3.11-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    METRICS_SOURCES=/shared/sources METRICS_SNAPSHOT_DIR=/snapshots BROWSER_PATH=/usr/bin/chromium

WORKDIR /app
COPY pyproject.toml README.md ./
COPY metrics ./metrics
RUN pip install --disable-pip-version-check .
COPY --from=shared sources /shared/sources
COPY . .
# The snapshot of the data in the image, named by its hash: replicas open it and never parse YAML.
RUN python -m metrics build && chmod -R a-w /snapshots

RUN useradd --create-home --uid 10001 dashboard && mkdir -p /writer-snapshots \
 && chown -R dashboard /app/data /writer-snapshots
USER dashboard
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).status != 200)"
CMD ["python", "-m", "streamlit", "run", "serve.py", "--server.address=0.0.0.0", "--server.port=8501"]
