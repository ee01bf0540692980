namespace Cohorts.Web.Documents;

/// <summary>An uploaded file, kept in PostgreSQL with its size and SHA-256, served only to those allowed.</summary>
public sealed class StoredDocument
{
    private StoredDocument() { }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }

    public static StoredDocument Create(string ownerId, string fileName, string contentType, byte[] content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = ownerId,
        FileName = fileName,
        ContentType = contentType,
        Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
        UploadedAt = now,
    };
}
