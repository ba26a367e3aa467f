# The claimtrack application image: one image for web (gunicorn), worker and beat
# (celery); docker-compose.yml picks the command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app

# Dependencies first, so code changes do not reinstall them (spaCy models included).
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY manage.py ./
COPY claimtrack/ claimtrack/
COPY articles/ articles/
COPY claims/ claims/
COPY pagecache/ pagecache/
COPY templates/ templates/
COPY locale/ locale/
COPY static/ static/

# Static files are served by whitenoise from STATIC_ROOT; collect them at build time.
# The key and address are throwaways: settings refuse DEBUG=0 without them.
RUN DEBUG=0 SECRET_KEY=collectstatic-only SITE_URL=http://collectstatic.invalid \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 --home-dir /app claimtrack
USER claimtrack

EXPOSE 8000
# --timeout: streamed exports and the DataFeed outlast gunicorn's default 30 s (see docker-compose.yml).
CMD ["gunicorn", "claimtrack.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "300"]
