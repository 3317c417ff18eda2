package gov.qsmo.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClosureDayRepository extends JpaRepository<ClosureDay, LocalDate> {

  List<ClosureDay> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);
}
