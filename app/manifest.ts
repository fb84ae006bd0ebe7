import type { MetadataRoute } from "next";

// Lets a phone add the app to its home screen with its own icon and name.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "History Cards",
    short_name: "History Cards",
    description: "Study cards from history documents, with their sources, scheduled by FSRS.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0369a1",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
