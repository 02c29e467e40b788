package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.drugchecking.PhotoManagement.Content;
import org.harmwatch.drugchecking.PhotoManagement.Photo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and reads sample photos (already re-encoded without metadata). */
@Repository
public class PhotoRepository {

	private static final String SELECT = "SELECT id, sample_id, caption, content_type, size, width, height, uploaded_by, "
			+ "uploaded_at FROM drugchecking.sample_photo";

	private final JdbcClient jdbc;

	PhotoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sample's photos, oldest first. */
	public List<Photo> ofSample(UUID sampleId) {
		return jdbc.sql(SELECT + " WHERE sample_id = ? ORDER BY uploaded_at, id")
			.param(sampleId)
			.query(PhotoRepository::photo)
			.list();
	}

	/**
	 * The photos of the samples, oldest first, by sample; samples without photos are left
	 * out.
	 */
	public Map<UUID, List<Photo>> ofSamples(Collection<UUID> sampleIds) {
		if (sampleIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " WHERE sample_id = ANY (?::uuid[]) ORDER BY uploaded_at, id")
			.param(Columns.array(sampleIds.stream().map(UUID::toString).toList()))
			.query(PhotoRepository::photo)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Photo::sampleId, LinkedHashMap::new, Collectors.toList()));
	}

	/** A photo with its bytes. */
	public Optional<Content> content(UUID photoId) {
		return jdbc
			.sql("SELECT id, sample_id, caption, content_type, size, width, height, uploaded_by, uploaded_at, "
					+ "content FROM drugchecking.sample_photo WHERE id = ?")
			.param(photoId)
			.query((rs, n) -> new Content(photo(rs, n), rs.getBytes("content")))
			.optional();
	}

	public long countOf(UUID sampleId) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.sample_photo WHERE sample_id = ?")
			.param(sampleId)
			.query(Long.class)
			.single();
	}

	/** Stores a photo. */
	public void add(Photo photo, String sha256, byte[] content) {
		jdbc.sql(
				"""
						INSERT INTO drugchecking.sample_photo (id, sample_id, caption, content_type, size, width, height, sha256,
						  content, uploaded_at, uploaded_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.param(photo.id())
			.param(photo.sampleId())
			.param(photo.caption())
			.param(photo.contentType())
			.param(content.length)
			.param(photo.width())
			.param(photo.height())
			.param(sha256)
			.param(content)
			.param(Columns.timestamp(photo.uploadedAt()))
			.param(photo.uploadedBy())
			.update();
	}

	/** Deletes one of the sample's photos; whether there was one. */
	public boolean delete(UUID sampleId, UUID photoId) {
		return jdbc.sql("DELETE FROM drugchecking.sample_photo WHERE sample_id = ? AND id = ?")
			.param(sampleId)
			.param(photoId)
			.update() > 0;
	}

	private static Photo photo(ResultSet rs, int row) throws SQLException {
		return new Photo(rs.getObject("id", UUID.class), rs.getObject("sample_id", UUID.class), rs.getString("caption"),
				rs.getString("content_type"), rs.getLong("size"), rs.getInt("width"), rs.getInt("height"),
				rs.getString("uploaded_by"), Columns.instant(rs, "uploaded_at"));
	}

}
