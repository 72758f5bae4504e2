namespace ServicePortal;

/// <summary>Marker for the interface texts in Resources/SharedResource*.resx (Simplified Chinese is the neutral default).</summary>
public sealed class SharedResource;
