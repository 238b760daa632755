print(f"{'quote\"inside' if False else 'ok'}")
