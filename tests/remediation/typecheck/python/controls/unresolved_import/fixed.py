from conjur import Client

TOKEN = Client
