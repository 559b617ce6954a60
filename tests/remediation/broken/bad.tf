provider "pulumi" {
  token = "${var.x
}
