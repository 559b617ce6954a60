class A {
    String s = ("a" + System.getenv("X") +);
}
