class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError(f"bad number: {text!r}") from exc

print(parse("12"))
print(parse("twelve"))
