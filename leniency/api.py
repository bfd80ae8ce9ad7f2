from ninja import NinjaAPI

api = NinjaAPI(title="Leniency API", version="1")
