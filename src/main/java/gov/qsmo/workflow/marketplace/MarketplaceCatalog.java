package gov.qsmo.workflow.marketplace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog across QSMOs, as any federal user browses it: one page of offerings at a time, filtered by functional
 * area, QSMO, status, provider type, customer agency and words, with the total. Two bounded queries per page (the
 * offerings, then the customers of those on the page), whatever the catalog's size.
 */
@Component
class MarketplaceCatalog {

  /** The filters; null means any. */
  record Filter(String area, String designationId, Offering.Status status, String providerType, String customer,
      String words) {
  }

  record Entry(long id, String designationId, String areaCode, String areaName, String qsmoAgencyCode,
      String qsmoAgency, String name, String description, String providerType, String provider,
      String contractVehicle, Offering.Status status, List<String> customerAgencies, Instant updatedAt) {
  }

  record Page(long total, int page, int size, List<Entry> offerings) {
  }

  private static final String FROM = """
      from qsmo.marketplace_offering o
      join qsmo.designation d on d.id = o.designation_id
      join qsmo.functional_area a on a.code = d.functional_area_code
      join qsmo.agency g on g.code = d.agency_code
      where (cast(:area as text) is null or d.functional_area_code = :area)
        and (cast(:designation as text) is null or o.designation_id = :designation)
        and (cast(:status as text) is null or o.status = :status)
        and (cast(:type as text) is null or o.provider_type = :type)
        and (cast(:customer as text) is null or exists (select 1 from qsmo.marketplace_offering_customer c
             where c.offering_id = o.id and c.agency_code = :customer))
        and (cast(:words as text) is null or o.name ilike :words or o.provider ilike :words
             or o.description ilike :words or o.contract_vehicle ilike :words)
      """;

  private final JdbcClient jdbc;

  MarketplaceCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Page page(Filter filter, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    params.put("area", filter.area());
    params.put("designation", filter.designationId());
    params.put("status", filter.status() == null ? null : filter.status().name());
    params.put("type", filter.providerType());
    params.put("customer", filter.customer());
    params.put("words", filter.words() == null ? null : "%" + filter.words().replace("\\", "\\\\")
        .replace("%", "\\%").replace("_", "\\_") + "%");
    long total = jdbc.sql("select count(*) " + FROM).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    Map<Long, Entry> rows = new LinkedHashMap<>();
    jdbc.sql("""
        select o.id, o.designation_id, d.functional_area_code, a.name as area_name, d.agency_code,
               g.short_name as agency_short, o.name, o.description, o.provider_type, o.provider, o.contract_vehicle,
               o.status, o.updated_at
        """ + FROM + " order by a.name, o.name, o.id limit :limit offset :offset")
        .params(params)
        .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("designation_id"),
            rs.getString("functional_area_code"), rs.getString("area_name"), rs.getString("agency_code"),
            rs.getString("agency_short"), rs.getString("name"), rs.getString("description"),
            rs.getString("provider_type"), rs.getString("provider"), rs.getString("contract_vehicle"),
            Offering.Status.valueOf(rs.getString("status")), new ArrayList<>(),
            rs.getTimestamp("updated_at").toInstant()))
        .list().forEach(entry -> rows.put(entry.id(), entry));
    if (!rows.isEmpty()) {
      Map<Long, TreeSet<String>> customers = new HashMap<>();
      jdbc.sql("select offering_id, agency_code from qsmo.marketplace_offering_customer where offering_id in (:ids)")
          .param("ids", rows.keySet())
          .query((rs, n) -> customers.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2)))
          .list();
      customers.forEach((id, codes) -> rows.get(id).customerAgencies().addAll(codes));
    }
    return new Page(total, page, size, List.copyOf(rows.values()));
  }
}
