"""Runs `pulumi up` for the dev stack through the Automation API."""
from pulumi import automation as auto


def main() -> None:
    stack = auto.create_or_select_stack(
        stack_name="dev",
        work_dir=".",
        opts=auto.LocalWorkspaceOptions(env_vars={"PULUMI_ACCESS_TOKEN": "@TOKEN@"}),
    )
    stack.up(on_output=print)


if __name__ == "__main__":
    main()
