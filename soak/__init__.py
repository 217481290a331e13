"""The load and fault soak (`make soak`): gunicorn on a throwaway PostgreSQL and Redis."""
