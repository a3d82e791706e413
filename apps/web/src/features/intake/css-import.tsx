// Ambient (no imports or exports here): lets the feature import its own stylesheet, which Vite bundles.
declare module '*.css';
