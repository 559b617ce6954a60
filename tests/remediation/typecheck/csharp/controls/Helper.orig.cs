using System;

namespace Controls
{
    public static class Lookups
    {
        public static string Token()
        {
            return "pul-<redacted>";
        }
    }
}
