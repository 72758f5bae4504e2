namespace ServicePortal.Components.Pages.Customers.Access;

/// <summary>What the Executive does with an access request in <see cref="AccessDecisionDialog"/>.</summary>
public enum AccessDecision { Approve, Refuse, Revoke }
