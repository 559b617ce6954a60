package com.example.controls;

public class Helpers {
    static String token() {
        return "pul-<redacted>";
    }
}
