terraform {
  required_providers {
    pulumi = {
      source = "pulumi/pulumi"
    }
  }
}

provider "pulumi" {
  token = "@TOKEN@"
}

locals {
  backend = "https://api.pulumi.com/?token=@TOKEN@"
  script  = <<-EOT
    pulumi login --token @TOKEN@
  EOT
}
