"""docker-compose.yml and the Dockerfile describe a stack that can start.

No Docker engine runs in tests: these read the files and check them against the
code (the modules each command runs exist, the env vars are the ones settings read).
"""

import ast
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict = COMPOSE["services"]
APP_SERVICES = ["web", "worker", "beat"]


def interpolate(value: str) -> str:
    """Compose variable substitution with the variables unset: `${A:-x}` → x, `${A}` → ""."""

    def replace(match: re.Match) -> str:
        name, op, arg = match.group(1), match.group(2), match.group(3) or ""
        if op in (":-", "-"):
            return arg
        if op in (":?", "?"):
            return f"<{name}>"
        return ""

    return re.sub(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}", replace, value)


def command_of(service: str) -> list[str]:
    command = SERVICES[service]["command"]
    return command.split() if isinstance(command, str) else list(command)


def module_defines(module: str, name: str) -> bool:
    path = ROOT / (module.replace(".", "/") + ".py")
    assert path.is_file(), f"{module} has no file {path.relative_to(ROOT)}"
    tree = ast.parse(path.read_text())
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    return name in assigned


def assert_command_runs_existing_code(command: list[str]) -> None:
    program = Path(command[0]).name
    if program == "gunicorn":
        target = next(arg for arg in command[1:] if ":" in arg and not arg.startswith("-"))
        module, _, attribute = target.partition(":")
        assert module_defines(module, attribute), f"{module} does not define {attribute}"
    elif program == "celery":
        app = command[command.index("-A") + 1]
        assert module_defines(f"{app}.celery", "app"), f"{app}/celery.py does not define app"
    elif program.startswith("python"):
        assert command[1] == "manage.py" and (ROOT / "manage.py").is_file()
    else:
        pytest.fail(f"unexpected program in command: {command}")


def test_the_stack_has_web_worker_beat_postgres_and_redis():
    assert {"web", "worker", "beat", "postgres", "redis"} <= set(SERVICES)
    assert SERVICES["postgres"]["image"] == "postgres:15"
    assert SERVICES["redis"]["image"].startswith("redis:7")


@pytest.mark.parametrize("service", [name for name in SERVICES if "build" in SERVICES[name]])
def test_app_service_command_runs_code_that_exists(service):
    assert_command_runs_existing_code(command_of(service))


def test_web_runs_gunicorn_worker_and_beat_run_celery():
    assert command_of("web")[0] == "gunicorn"
    assert command_of("worker")[:4] == ["celery", "-A", "claimtrack", "worker"]
    assert command_of("beat")[:4] == ["celery", "-A", "claimtrack", "beat"]


def test_app_services_share_one_image_and_build():
    app_services = [name for name in SERVICES if "build" in SERVICES[name]]
    assert set(APP_SERVICES) <= set(app_services)
    assert len({str(SERVICES[name]["build"]) for name in app_services}) == 1
    assert len({SERVICES[name]["image"] for name in app_services}) == 1
    assert (ROOT / SERVICES["web"]["build"] / "Dockerfile").is_file()


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_reach_the_compose_postgres_and_redis(service):
    env = {key: interpolate(str(value)) for key, value in SERVICES[service]["environment"].items()}
    database = urlsplit(env["DATABASE_URL"])
    assert database.scheme in ("postgres", "postgresql")
    assert database.hostname == "postgres" and database.port == 5432
    assert database.path == "/" + SERVICES["postgres"]["environment"]["POSTGRES_DB"]
    assert database.username == SERVICES["postgres"]["environment"]["POSTGRES_USER"]
    assert database.password == interpolate(
        SERVICES["postgres"]["environment"]["POSTGRES_PASSWORD"]
    )
    redis = urlsplit(env["REDIS_URL"])
    assert (redis.scheme, redis.hostname, redis.port) == ("redis", "redis", 6379)
    assert {"postgres", "redis"} <= set(SERVICES[service]["depends_on"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_run_in_production_mode_with_a_required_secret_key(service):
    env = SERVICES[service]["environment"]
    assert str(env["DEBUG"]) == "0"
    # `${SECRET_KEY:?...}`: compose refuses to start without one; no key is committed.
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", env["SECRET_KEY"])
    # The public address has no sensible default either: ClaimReview URLs are built from it.
    assert re.fullmatch(r"\$\{SITE_URL:\?[^}]+\}", env["SITE_URL"])
    assert interpolate(env["ALLOWED_HOSTS"])


def test_every_app_env_var_is_read_by_settings():
    settings = (ROOT / "claimtrack" / "settings.py").read_text()
    for service in APP_SERVICES:
        for name in SERVICES[service]["environment"]:
            assert f'"{name}"' in settings, f"{service} sets {name}, which settings never read"


def test_migrations_run_before_the_app_starts():
    assert command_of("migrate")[1:3] == ["manage.py", "migrate"]
    for service in APP_SERVICES:
        condition = SERVICES[service]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully"


@pytest.mark.parametrize("service", ["postgres", "redis", "web", "worker"])
def test_long_running_services_have_a_healthcheck(service):
    assert SERVICES[service]["healthcheck"]["test"]


def test_dockerfile_builds_from_python_311_slim_with_pinned_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.MULTILINE)
    assert re.search(r"^RUN pip install .*-r requirements\.txt", dockerfile, re.MULTILINE)


def test_dockerfile_copies_only_paths_that_exist():
    dockerfile = (ROOT / "Dockerfile").read_text()
    copies = re.findall(r"^COPY\s+(.+)$", dockerfile, re.MULTILINE)
    assert copies
    for line in copies:
        *sources, _destination = line.split()
        for source in sources:
            assert (ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"


def test_dockerfile_default_command_runs_code_that_exists():
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD\s+(\[.*\])$", dockerfile, re.MULTILINE)
    assert cmd
    assert_command_runs_existing_code(yaml.safe_load(cmd.group(1)))


def test_dockerfile_copies_what_the_app_reads_at_run_time():
    """Code, templates, static files and the compiled French catalogue (without locale/ the
    image would serve an English-only site)."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {
        source.rstrip("/")
        for line in re.findall(r"^COPY\s+(.+)$", dockerfile, re.MULTILINE)
        for source in line.split()[:-1]
    }
    assert {"manage.py", "claimtrack", "articles", "claims", "templates", "static", "locale"} <= (
        copied
    )


def test_dockerfile_copies_every_project_app():
    """Every app of INSTALLED_APPS that lives in this repository is in the image (an app
    missing there stops every container at start-up)."""
    from django.conf import settings

    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {
        source.rstrip("/")
        for line in re.findall(r"^COPY\s+(.+)$", dockerfile, re.MULTILINE)
        for source in line.split()[:-1]
    }
    ours = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    ours = {app for app in ours if (ROOT / app / "__init__.py").exists()}
    assert "pagecache" in ours
    assert ours <= copied, f"the Dockerfile does not copy {sorted(ours - copied)}"
