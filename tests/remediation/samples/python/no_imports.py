'''Uploads the deployment token to the CI system.'''

headers = {"Authorization": """token @TOKEN@"""}
print(headers)
